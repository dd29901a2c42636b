// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {MockUSDC} from "../../src/MockUSDC.sol";
import {FinancingPool} from "../../src/FinancingPool.sol";
import {PoolStorage} from "../../src/pool/PoolStorage.sol";
import {HardwareAssetRegistry} from "../../src/HardwareAssetRegistry.sol";
import {PoolFactory} from "../../src/PoolFactory.sol";

/// @notice The whole protocol, deployed as the seed deploys it: USDC, registry, factory, one compute project with
/// one pool and two GPU assets financed by it.
abstract contract ProtocolFixture is Test {
    MockUSDC internal usdc;
    HardwareAssetRegistry internal registry;
    PoolFactory internal factory;
    FinancingPool internal pool;
    uint256 internal projectId;
    uint256 internal assetA;
    uint256 internal assetB;

    address internal admin = makeAddr("admin");
    address internal manager = makeAddr("manager");
    address internal reporter = makeAddr("reporter");
    address internal guardian = makeAddr("guardian");
    address internal compliance = makeAddr("compliance");
    address internal treasury = makeAddr("treasury");
    address internal operator = makeAddr("operator");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");

    uint16 internal constant FEE_BPS = 1_000; // 10 %
    uint32 internal constant STREAM = 7 days;
    uint256 internal constant CAP = 10_000_000e6;
    uint256 internal constant MIN_DEPOSIT = 10e6;
    uint256 internal constant ASSET_LIMIT = CAP;

    function setUp() public virtual {
        vm.warp(1_750_000_000);
        usdc = new MockUSDC();
        registry = new HardwareAssetRegistry(admin);
        factory = new PoolFactory(
            usdc,
            registry,
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
        registry.grantRole(registry.REGISTRAR_ROLE(), manager);
        registry.grantRole(registry.REPORTER_ROLE(), reporter);
        projectId = factory.registerProject(
            operator,
            PoolStorage.Category.Compute,
            "Ashburn GPU Cloud",
            "/metadata/projects/ashburn.json",
            keccak256("p")
        );
        pool = _createPool("Ashburn H100 Round 1", "myASH1");
        vm.stopPrank();

        vm.startPrank(manager);
        assetA = registry.registerAsset(
            address(pool), operator, HardwareAssetRegistry.Kind.GpuCluster, "H100 SXM", 64, "Ashburn, VA", "ipfs://a"
        );
        assetB = registry.registerAsset(
            address(pool), operator, HardwareAssetRegistry.Kind.GpuCluster, "H200 SXM", 32, "Ashburn, VA", "ipfs://b"
        );
        vm.stopPrank();
        // Per-asset limits are the admin's (the timelock in production), not the manager's.
        vm.startPrank(admin);
        pool.setAssetLimit(assetA, ASSET_LIMIT);
        pool.setAssetLimit(assetB, ASSET_LIMIT);
        vm.stopPrank();
        vm.prank(reporter);
        usdc.approve(address(pool), type(uint256).max);
        vm.prank(manager);
        usdc.approve(address(pool), type(uint256).max);
    }

    function _createPool(string memory name, string memory symbol) internal returns (FinancingPool) {
        return _createPool(name, symbol, false);
    }

    function _createPool(string memory name, string memory symbol, bool permissioned) internal returns (FinancingPool) {
        return factory.createPool(
            PoolFactory.PoolConfig({
                projectId: projectId,
                name: name,
                symbol: symbol,
                depositCap: CAP,
                minDeposit: MIN_DEPOSIT,
                permissioned: permissioned,
                metadataURI: "/metadata/pools/ashburn-1.json",
                metadataHash: keccak256("m")
            }),
            type(FinancingPool).creationCode
        );
    }

    /// Queues `shares` of `who` for exit (ERC-7540, controller = owner = who).
    function _requestRedeem(address who, uint256 shares) internal returns (uint256 requestId) {
        vm.prank(who);
        requestId = pool.requestRedeem(shares, who, who);
    }

    /// Fills the exit queue from idle cash, as anyone may.
    function _fill() internal returns (uint256) {
        return pool.fillRedemptions(type(uint256).max);
    }

    /// Claims all of `who`'s filled redemptions to itself (ERC-7540 claim through redeem).
    function _claimRedemption(address who) internal returns (uint256 assets) {
        (uint128 shares,) = pool.claimableRedemption(who);
        vm.prank(who);
        assets = pool.redeem(shares, who, who);
    }

    /// Marks asset `assetId` impaired in the registry and provisions `loss` in the pool.
    function _impair(uint256 assetId, uint256 loss) internal {
        vm.startPrank(manager);
        registry.setStatus(assetId, HardwareAssetRegistry.Status.Impaired);
        pool.markImpairment(assetId, loss);
        vm.stopPrank();
    }

    function _deposit(address who, uint256 assets) internal returns (uint256 shares) {
        usdc.mint(who, assets);
        vm.startPrank(who);
        usdc.approve(address(pool), assets);
        shares = pool.deposit(assets, who);
        vm.stopPrank();
    }

    /// Distributes `gross` of revenue for asset A over the week that just ended.
    function _distribute(uint256 gross) internal {
        _distribute(assetA, gross);
    }

    function _distribute(uint256 assetId, uint256 gross) internal {
        usdc.mint(reporter, gross);
        vm.prank(reporter);
        pool.distributeRevenue(assetId, gross, uint64(block.timestamp - 7 days), uint64(block.timestamp));
    }

    function _net(uint256 gross) internal pure returns (uint256) {
        return gross - (gross * FEE_BPS) / 10_000;
    }

    function _deploy(uint256 assetId, uint256 amount) internal {
        vm.prank(manager);
        pool.deployCapital(assetId, amount);
    }

    /// The operator hands principal back to the manager, who records it in the pool.
    function _repay(uint256 assetId, uint256 amount) internal {
        usdc.mint(manager, amount);
        vm.prank(manager);
        pool.recordRepayment(assetId, amount);
    }
}
