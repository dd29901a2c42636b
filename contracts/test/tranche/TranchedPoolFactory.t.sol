// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {PoolFactory} from "../../src/PoolFactory.sol";
import {TranchedPool} from "../../src/tranche/TranchedPool.sol";
import {TranchedPoolFactory} from "../../src/tranche/TranchedPoolFactory.sol";
import {TrancheVault} from "../../src/tranche/TrancheVault.sol";
import {TrancheWaterfall} from "../../src/tranche/TrancheWaterfall.sol";
import {ProtocolFixture} from "../utils/ProtocolFixture.sol";

/// A hostile vault: the same interface, but it reports whatever its deployer wants.
contract HostileVault {
    address public pool;
    bool public isSenior;
    address public asset;

    constructor(address pool_, bool isSenior_, address asset_) {
        pool = pool_;
        isSenior = isSenior_;
        asset = asset_;
    }
}

/// Tranched pools created from registered code, bound to their own vaults, administered by the protocol's admin.
contract TranchedPoolFactoryTest is ProtocolFixture {
    TranchedPoolFactory internal tranched;
    address internal stranger = makeAddr("stranger");

    event TranchedPoolCreated(
        address indexed pool,
        uint256 indexed projectId,
        address senior,
        address junior,
        uint8 category,
        string name,
        uint16 seniorRateBps,
        uint16 minSubordinationBps,
        uint16 protocolFeeBps
    );

    function setUp() public override {
        super.setUp();
        tranched = new TranchedPoolFactory(
            factory, keccak256(type(TranchedPool).creationCode), keccak256(type(TrancheVault).creationCode)
        );
    }

    function _config() internal view returns (TranchedPoolFactory.TranchedPoolConfig memory) {
        return TranchedPoolFactory.TranchedPoolConfig({
            projectId: projectId,
            name: "Ashburn Structured",
            symbol: "myASHT",
            depositCap: 10_000_000e6,
            seniorRateBps: 800,
            minSubordinationBps: 2_000
        });
    }

    function _create(TranchedPoolFactory.TranchedPoolConfig memory config)
        internal
        returns (TranchedPool, TrancheVault, TrancheVault)
    {
        return tranched.createTranchedPool(config, type(TranchedPool).creationCode, type(TrancheVault).creationCode);
    }

    function test_create_bindsItsOwnVaultsWithTheProtocolsTerms() public {
        vm.prank(admin);
        (TranchedPool pool, TrancheVault senior, TrancheVault junior) = _create(_config());

        assertEq(address(pool.senior()), address(senior));
        assertEq(address(pool.junior()), address(junior));
        assertEq(address(senior.pool()), address(pool));
        assertTrue(senior.isSenior());
        assertFalse(junior.isSenior());
        assertEq(senior.asset(), address(usdc));
        assertEq(senior.name(), unicode"Ashburn Structured · Senior");
        assertEq(junior.symbol(), "myASHTJ");
        assertEq(senior.revenueStreamDuration(), factory.revenueStreamDuration());
        assertEq(pool.projectId(), projectId);
        assertEq(pool.projectOperator(), operator);
        assertEq(pool.treasury(), treasury);
        assertEq(pool.protocolFeeBps(), factory.protocolFeeBps());
        assertEq(pool.seniorRateBps(), 800);
        assertEq(pool.minSubordinationBps(), 2_000);
        assertEq(pool.depositCap(), 10_000_000e6);
        assertTrue(tranched.isPool(address(pool)));
        assertEq(tranched.poolCount(), 1);
    }

    /// The protocol's admin (the timelock) administers the pool; the factory and the caller keep nothing.
    function test_create_handsTheAdminRoleToTheProtocolAdmin() public {
        vm.prank(admin);
        (TranchedPool pool,,) = _create(_config());
        bytes32 adminRole = pool.DEFAULT_ADMIN_ROLE();
        assertTrue(pool.hasRole(adminRole, admin));
        assertFalse(pool.hasRole(adminRole, address(tranched)));
        assertTrue(pool.hasRole(pool.POOL_MANAGER_ROLE(), manager));
        assertTrue(pool.hasRole(pool.REVENUE_REPORTER_ROLE(), reporter));
        assertTrue(pool.hasRole(pool.GUARDIAN_ROLE(), guardian));
        // Bound once, for good: not even the admin can rebind.
        vm.prank(admin);
        vm.expectRevert(TranchedPool.TranchesAlreadyAttached.selector);
        pool.attachTranches(TrancheVault(address(1)), TrancheVault(address(2)));
    }

    function test_create_emitsWhatTheIndexerNeeds() public {
        // The addresses CREATE gives the pool and its two vaults: the factory's next three nonces.
        address pool = vm.computeCreateAddress(address(tranched), vm.getNonce(address(tranched)));
        address senior = vm.computeCreateAddress(address(tranched), vm.getNonce(address(tranched)) + 1);
        address junior = vm.computeCreateAddress(address(tranched), vm.getNonce(address(tranched)) + 2);
        vm.expectEmit(true, true, false, true, address(tranched));
        emit TranchedPoolCreated(pool, projectId, senior, junior, 0, "Ashburn Structured", 800, 2_000, FEE_BPS);
        vm.prank(admin);
        _create(_config());
    }

    /// A compromised admin cannot slip in a vault of other code: the vault code must hash to the registered one.
    function test_create_refusesOtherVaultCode() public {
        vm.prank(admin);
        vm.expectRevert(TranchedPoolFactory.UnknownVaultCode.selector);
        tranched.createTranchedPool(_config(), type(TranchedPool).creationCode, type(HostileVault).creationCode);
    }

    function test_create_refusesOtherPoolCode() public {
        bytes memory code = type(TranchedPool).creationCode;
        code[code.length - 1] ^= 0x01;
        vm.prank(admin);
        vm.expectRevert(TranchedPoolFactory.UnknownPoolCode.selector);
        tranched.createTranchedPool(_config(), code, type(TrancheVault).creationCode);
    }

    function test_create_isPoolFactorysAdminsOnly() public {
        TranchedPoolFactory.TranchedPoolConfig memory config = _config();
        vm.expectRevert(abi.encodeWithSelector(TranchedPoolFactory.NotPoolFactoryAdmin.selector, stranger));
        vm.prank(stranger);
        _create(config);
    }

    /// One key creates both kinds of pool: revoking PoolFactory's admin revokes the power to create tranched pools.
    function test_create_followsPoolFactorysAdminRole() public {
        address successor = makeAddr("successor");
        bytes32 adminRole = factory.DEFAULT_ADMIN_ROLE();
        vm.startPrank(admin);
        factory.grantRole(adminRole, successor);
        factory.renounceRole(adminRole, admin);
        vm.stopPrank();
        TranchedPoolFactory.TranchedPoolConfig memory config = _config();
        vm.expectRevert(abi.encodeWithSelector(TranchedPoolFactory.NotPoolFactoryAdmin.selector, admin));
        vm.prank(admin);
        _create(config);
        vm.prank(successor);
        (TranchedPool pool,,) = _create(config);
        // The pool's admin is still the protocol's (the defaults), not whoever created it.
        assertTrue(pool.hasRole(pool.DEFAULT_ADMIN_ROLE(), admin));
        assertFalse(pool.hasRole(pool.DEFAULT_ADMIN_ROLE(), successor));
    }

    function test_create_refusesAnUnknownProject() public {
        TranchedPoolFactory.TranchedPoolConfig memory config = _config();
        config.projectId = 99;
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(PoolFactory.UnknownProject.selector, 99));
        _create(config);
    }

    /// Terms beyond the waterfall's bounds fail with the pool's own reason, and nothing is left behind.
    function test_create_passesThePoolsReasonOn() public {
        TranchedPoolFactory.TranchedPoolConfig memory config = _config();
        config.seniorRateBps = 6_000;
        vm.prank(admin);
        vm.expectRevert(TrancheWaterfall.InvalidTerms.selector);
        _create(config);
        assertEq(tranched.poolCount(), 0);
    }

    /// A pool a hostile deployer made on its own cannot pass as one of the factory's.
    function test_aPoolMadeElsewhereIsNotTheFactorys() public {
        TranchedPool.Params memory p;
        p.usdc = usdc;
        p.registry = registry;
        p.projectOperator = operator;
        p.admin = stranger;
        p.treasury = stranger;
        p.seniorRateBps = 800;
        p.minSubordinationBps = 2_000;
        TranchedPool rogue = new TranchedPool(p);
        HostileVault fake = new HostileVault(address(rogue), true, address(usdc));
        assertFalse(tranched.isPool(address(rogue)));
        assertFalse(tranched.isPool(address(fake)));
    }
}
