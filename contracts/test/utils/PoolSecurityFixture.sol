// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {FinancingPool} from "../../src/FinancingPool.sol";
import {PoolStorage} from "../../src/pool/PoolStorage.sol";
import {HardwareAssetRegistry} from "../../src/HardwareAssetRegistry.sol";
import {PoolFactory} from "../../src/PoolFactory.sol";
import {ProtocolFixture} from "./ProtocolFixture.sol";

/// Shared by the pool's attack and safety-rail tests (attacks, pause and roles, lifecycle, deposits, capital,
/// impairments): the roles as bytes32, spare accounts, and helpers that check the books or build odd pools.
abstract contract PoolSecurityFixture is ProtocolFixture {
    event PoolStatusChanged(PoolStorage.Status previousStatus, PoolStorage.Status status);
    event DepositLimitsUpdated(uint256 depositCap, uint256 minDeposit);
    event ProtocolFeeUpdated(address treasury, uint16 protocolFeeBps);
    event CapitalDeployed(uint256 indexed assetId, address indexed operator, uint256 amount);
    event PrincipalRepaid(uint256 indexed assetId, address indexed payer, uint256 amount);
    event PrincipalWrittenDown(uint256 indexed assetId, uint256 amount);
    event ProvisionUpdated(uint256 indexed assetId, uint256 previousProvision, uint256 provision);
    event PrincipalRecovered(uint256 indexed assetId, address indexed payer, uint256 amount);
    event AssetLimitUpdated(uint256 indexed assetId, uint256 limit);

    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    address internal stranger = makeAddr("stranger");
    address internal attacker = makeAddr("attacker");
    address internal victim = makeAddr("victim");

    bytes32 internal managerRole;
    bytes32 internal reporterRole;
    bytes32 internal guardianRole;
    bytes32 internal complianceRole;
    bytes32 internal adminRole;

    function setUp() public override {
        super.setUp();
        managerRole = pool.POOL_MANAGER_ROLE();
        reporterRole = pool.REVENUE_REPORTER_ROLE();
        guardianRole = pool.GUARDIAN_ROLE();
        complianceRole = pool.COMPLIANCE_ROLE();
        adminRole = pool.DEFAULT_ADMIN_ROLE();
    }

    // ─── Helpers ────────────────────────────────────────────────────────────────────────────────────────

    function _assertBooks(FinancingPool p) internal view {
        IERC20 token = IERC20(p.asset());
        assertEq(token.balanceOf(address(p)), p.idle() + p.reservedForRedemptions() + p.revenueHeld(), "books");
        assertEq(
            p.totalAssets(),
            p.idle() + p.outstandingPrincipal() - p.totalProvisions(),
            "totalAssets = idle + outstanding - provisions"
        );
    }

    function _unauthorized(address who, bytes32 role) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, who, role);
    }

    /// A fresh registry + factory + pool over `token`, with one asset run by `operator`.
    function _poolOver(IERC20 token) internal returns (FinancingPool p, uint256 assetId) {
        HardwareAssetRegistry reg = new HardwareAssetRegistry(admin);
        PoolFactory fac = new PoolFactory(
            token,
            reg,
            admin,
            treasury,
            FEE_BPS,
            STREAM,
            PoolFactory.Roles({
                admin: admin, manager: manager, reporter: reporter, guardian: guardian, compliance: compliance
            }),
            keccak256(type(FinancingPool).creationCode)
        );
        vm.startPrank(admin);
        reg.grantRole(reg.REGISTRAR_ROLE(), manager);
        uint256 pid = fac.registerProject(operator, PoolStorage.Category.Compute, "Odd token", "", bytes32(0));
        p = fac.createPool(
            PoolFactory.PoolConfig({
                projectId: pid,
                name: "Odd",
                symbol: "ODD",
                depositCap: CAP,
                minDeposit: MIN_DEPOSIT,
                permissioned: false,
                metadataURI: "",
                metadataHash: bytes32(0)
            }),
            type(FinancingPool).creationCode
        );
        vm.stopPrank();
        vm.prank(manager);
        assetId = reg.registerAsset(address(p), operator, HardwareAssetRegistry.Kind.GpuCluster, "H100", 8, "", "");
        vm.prank(admin);
        p.setAssetLimit(assetId, ASSET_LIMIT);
        assertEq(p.asset(), address(token));
        assertEq(address(p.registry()), address(reg));
    }

    function _signPermit(uint256 pk, address spender, uint256 value, uint256 deadline)
        internal
        view
        returns (uint8 v, bytes32 r, bytes32 s)
    {
        address owner = vm.addr(pk);
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, value, usdc.nonces(owner), deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", usdc.DOMAIN_SEPARATOR(), structHash));
        (v, r, s) = vm.sign(pk, digest);
    }

    function _secondPool() internal returns (FinancingPool p) {
        vm.prank(admin);
        p = _createPool("Round 2", "myASH2");
    }
}
