// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {FinancingPool} from "../src/FinancingPool.sol";
import {HardwareAssetRegistry} from "../src/HardwareAssetRegistry.sol";
import {PoolFactory} from "../src/PoolFactory.sol";
import {ProtocolFixture} from "./utils/ProtocolFixture.sol";

/// A 6-decimal token that calls back into a pool from its transfer hook whenever the pool sends or receives it.
contract ReentrantToken is ERC20 {
    enum Attack {
        None,
        Deposit,
        Mint,
        Redeem,
        Withdraw,
        Claim,
        ClaimRedemption,
        RequestRedeem,
        CancelRedeemRequest,
        FillRedemptions,
        RecordRecovery,
        DeployCapital
    }

    FinancingPool public target;
    Attack public attack;
    uint256 public attackArg;
    bool public bubble;
    uint256 public attempts;
    bool public lastCallSucceeded;
    bytes public lastRevertData;
    bool private _inHook;

    constructor() ERC20("Reentrant USD", "rUSD") {}

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function arm(FinancingPool target_, Attack attack_, uint256 arg, bool bubble_) external {
        target = target_;
        attack = attack_;
        attackArg = arg;
        bubble = bubble_;
        attempts = 0;
        lastCallSucceeded = false;
        delete lastRevertData;
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        address t = address(target);
        if (attack == Attack.None || _inHook || (from != t && to != t)) return;
        _inHook = true;
        attempts++;
        bytes memory data;
        if (attack == Attack.Deposit) {
            data = abi.encodeCall(ERC4626.deposit, (attackArg, address(this)));
        } else if (attack == Attack.Mint) {
            data = abi.encodeCall(ERC4626.mint, (attackArg, address(this)));
        } else if (attack == Attack.Redeem) {
            data = abi.encodeCall(ERC4626.redeem, (attackArg, address(this), address(this)));
        } else if (attack == Attack.Withdraw) {
            data = abi.encodeCall(ERC4626.withdraw, (attackArg, address(this), address(this)));
        } else if (attack == Attack.Claim) {
            data = abi.encodeCall(FinancingPool.claim, (address(this)));
        }
        // A claim of filled redemptions goes through redeem with the controller.
        else if (attack == Attack.ClaimRedemption) {
            data = abi.encodeCall(FinancingPool.redeem, (attackArg, address(this), address(this)));
        } else if (attack == Attack.RequestRedeem) {
            data = abi.encodeCall(FinancingPool.requestRedeem, (attackArg, address(this), address(this)));
        } else if (attack == Attack.CancelRedeemRequest) {
            data = abi.encodeCall(FinancingPool.cancelRedeemRequest, (attackArg, address(this)));
        } else if (attack == Attack.FillRedemptions) {
            data = abi.encodeCall(FinancingPool.fillRedemptions, (attackArg));
        } else if (attack == Attack.RecordRecovery) {
            data = abi.encodeCall(FinancingPool.recordRecovery, (attackArg, 1));
        } else {
            data = abi.encodeCall(FinancingPool.deployCapital, (attackArg, 1));
        }
        (bool ok, bytes memory ret) = t.call(data);
        _inHook = false;
        lastCallSucceeded = ok;
        lastRevertData = ret;
        if (!ok && bubble) {
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
    }
}

/// A 6-decimal token that burns 1 % of every transfer.
contract FeeOnTransferToken is ERC20 {
    constructor() ERC20("Fee USD", "fUSD") {}

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function _update(address from, address to, uint256 value) internal override {
        if (from != address(0) && to != address(0)) {
            uint256 fee = value / 100;
            super._update(from, address(0), fee);
            super._update(from, to, value - fee);
        } else {
            super._update(from, to, value);
        }
    }
}

/// Attacks and safety rails: inflation, reentrancy, odd tokens, pause, roles, lifecycle, limits, permit, capital.
contract FinancingPoolSecurityTest is ProtocolFixture {
    event PoolStatusChanged(FinancingPool.Status previousStatus, FinancingPool.Status status);
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
        uint256 pid = fac.registerProject(operator, FinancingPool.Category.Compute, "Odd token", "", bytes32(0));
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

    // ─── Inflation attack ───────────────────────────────────────────────────────────────────────────────

    function test_inflationAttack_firstDepositorDonationFails() public {
        // Attacker is first, with the smallest deposit allowed...
        uint256 attackerShares = _deposit(attacker, MIN_DEPOSIT);
        assertEq(attackerShares, 10e18);
        // ...then donates a large amount straight to the pool.
        usdc.mint(attacker, 1_000_000e6);
        vm.prank(attacker);
        usdc.transfer(address(pool), 1_000_000e6);
        assertEq(pool.totalAssets(), MIN_DEPOSIT, "a donation does not count toward totalAssets");

        // The victim deposits and keeps all of its value.
        uint256 victimShares = _deposit(victim, 5_000e6);
        assertEq(victimShares, 5_000e18);
        assertEq(pool.previewRedeem(victimShares), 5_000e6);
        vm.prank(victim);
        uint256 out = pool.redeem(victimShares, victim, victim);
        assertEq(out, 5_000e6);
        assertEq(usdc.balanceOf(victim), 5_000e6);

        // The attacker gets back only its own deposit: the donation is lost to it.
        vm.prank(attacker);
        uint256 attackerOut = pool.redeem(attackerShares, attacker, attacker);
        assertEq(attackerOut, MIN_DEPOSIT);
        assertEq(usdc.balanceOf(attacker), MIN_DEPOSIT);
    }

    function test_inflationAttack_afterShrinkingSupplyToDust_victimKeepsValue() public {
        // Attacker deposits the minimum, then redeems all but one wei of shares, then donates.
        uint256 s = _deposit(attacker, MIN_DEPOSIT);
        vm.prank(attacker);
        pool.redeem(s - 1, attacker, attacker);
        assertEq(pool.totalSupply(), 1);
        usdc.mint(attacker, 1_000_000e6);
        vm.prank(attacker);
        usdc.transfer(address(pool), 1_000_000e6);

        uint256 victimShares = _deposit(victim, 1_000e6);
        assertGt(victimShares, 0);
        // The victim loses at most one wei of USDC to rounding.
        assertApproxEqAbs(pool.previewRedeem(victimShares), 1_000e6, 1);
        assertLe(pool.previewRedeem(1), 1, "the attacker's dust share is worth at most a wei");
    }

    // ─── Reentrancy ─────────────────────────────────────────────────────────────────────────────────────

    function test_reentrantTokenHook_cannotReenter() public {
        ReentrantToken evil = new ReentrantToken();
        (FinancingPool p, uint256 evilAsset) = _poolOver(IERC20(address(evil)));
        evil.mint(alice, 1_000e6);
        evil.mint(address(evil), 1_000e6); // so the token could pay, were it let in
        vm.prank(alice);
        evil.approve(address(p), type(uint256).max);

        // 1. deposit → transferFrom hook → pool.deposit: rejected by the guard, the outer deposit goes through.
        evil.arm(p, ReentrantToken.Attack.Deposit, 100e6, false);
        vm.prank(alice);
        uint256 shares = p.deposit(500e6, alice);
        assertEq(evil.attempts(), 1);
        assertFalse(evil.lastCallSucceeded());
        assertEq(evil.lastRevertData(), abi.encodeWithSelector(ReentrancyGuard.ReentrancyGuardReentrantCall.selector));
        assertEq(shares, 500e18);
        assertEq(p.balanceOf(alice), 500e18);
        assertEq(p.balanceOf(address(evil)), 0);
        assertEq(p.totalSupply(), 500e18);
        assertEq(p.idle(), 500e6);
        assertEq(evil.balanceOf(address(p)), 500e6);
        _assertBooks(p);

        // 2. Revenue is distributed; claim → transfer hook → pool.claim: rejected, paid once.
        evil.arm(p, ReentrantToken.Attack.None, 0, false);
        evil.mint(reporter, 100e6);
        vm.startPrank(reporter);
        evil.approve(address(p), type(uint256).max);
        p.distributeRevenue(evilAsset, 100e6, uint64(block.timestamp - 1 days), uint64(block.timestamp));
        vm.stopPrank();
        vm.warp(block.timestamp + STREAM);
        uint256 owed = p.claimableRevenue(alice);
        assertApproxEqAbs(owed, _net(100e6), 1);

        evil.arm(p, ReentrantToken.Attack.Claim, 0, false);
        vm.prank(alice);
        uint256 claimed = p.claim(alice);
        assertEq(evil.attempts(), 1);
        assertFalse(evil.lastCallSucceeded());
        assertEq(evil.lastRevertData(), abi.encodeWithSelector(ReentrancyGuard.ReentrancyGuardReentrantCall.selector));
        assertEq(claimed, owed);
        assertEq(evil.balanceOf(alice), 500e6 + owed);
        assertEq(p.claimableRevenue(alice), 0);
        assertEq(p.totalRevenueClaimed(), owed);
        _assertBooks(p);

        // 3. redeem → transfer hook → pool.redeem, with the revert bubbled: the whole redeem reverts, nothing moves.
        evil.arm(p, ReentrantToken.Attack.Redeem, 1e18, true);
        vm.expectRevert(ReentrancyGuard.ReentrancyGuardReentrantCall.selector);
        vm.prank(alice);
        p.redeem(100e18, alice, alice);
        assertEq(p.balanceOf(alice), 500e18);
        assertEq(p.idle(), 500e6);
        assertEq(evil.balanceOf(alice), 500e6 + owed);
        _assertBooks(p);
    }

    function test_reentrantTokenHook_claimRedemptionCannotDoubleClaim() public {
        ReentrantToken evil = new ReentrantToken();
        (FinancingPool p,) = _poolOver(IERC20(address(evil)));
        evil.mint(alice, 1_000e6);
        evil.mint(bob, 1_000e6);
        vm.prank(alice);
        evil.approve(address(p), type(uint256).max);
        vm.prank(bob);
        evil.approve(address(p), type(uint256).max);
        vm.prank(alice);
        p.deposit(400e6, alice);
        vm.prank(bob);
        p.deposit(600e6, bob);

        vm.prank(alice);
        p.requestRedeem(400e18, alice, alice);
        p.fillRedemptions(1); // filled from idle
        (, uint128 claimableAssets) = p.claimableRedemption(alice);
        assertEq(claimableAssets, 400e6);

        evil.arm(p, ReentrantToken.Attack.ClaimRedemption, 1, false);
        vm.prank(alice);
        uint256 paid = p.redeem(400e18, alice, alice);
        assertEq(paid, 400e6);
        assertEq(evil.attempts(), 1);
        assertFalse(evil.lastCallSucceeded());
        assertEq(evil.lastRevertData(), abi.encodeWithSelector(ReentrancyGuard.ReentrancyGuardReentrantCall.selector));
        assertEq(evil.balanceOf(alice), 1_000e6);
        assertEq(p.reservedForRedemptions(), 0);
        assertEq(evil.balanceOf(address(p)), 600e6);
        _assertBooks(p);
    }

    function test_reentrantTokenHook_everyEntryPointIsGuarded() public {
        ReentrantToken evil = new ReentrantToken();
        (FinancingPool p, uint256 evilAsset) = _poolOver(IERC20(address(evil)));
        evil.mint(alice, 1_000e6);
        vm.prank(alice);
        evil.approve(address(p), type(uint256).max);

        ReentrantToken.Attack[9] memory attacks = [
            ReentrantToken.Attack.Mint,
            ReentrantToken.Attack.Withdraw,
            ReentrantToken.Attack.Redeem,
            ReentrantToken.Attack.RequestRedeem,
            ReentrantToken.Attack.CancelRedeemRequest,
            ReentrantToken.Attack.FillRedemptions,
            ReentrantToken.Attack.ClaimRedemption,
            ReentrantToken.Attack.RecordRecovery,
            ReentrantToken.Attack.DeployCapital
        ];
        for (uint256 i = 0; i < attacks.length; i++) {
            bool assetArg =
                attacks[i] == ReentrantToken.Attack.DeployCapital || attacks[i] == ReentrantToken.Attack.RecordRecovery;
            uint256 arg = assetArg ? evilAsset : 1;
            evil.arm(p, attacks[i], arg, false);
            vm.prank(alice);
            p.deposit(MIN_DEPOSIT, alice);
            assertEq(evil.attempts(), 1);
            assertFalse(evil.lastCallSucceeded());
            assertEq(
                evil.lastRevertData(), abi.encodeWithSelector(ReentrancyGuard.ReentrancyGuardReentrantCall.selector)
            );
        }
        assertEq(p.totalSupply(), 9 * 10e18);
        assertEq(p.idle(), 9 * MIN_DEPOSIT);
        _assertBooks(p);
    }

    // ─── Fee-on-transfer token ──────────────────────────────────────────────────────────────────────────

    function test_feeOnTransferToken_isRejected() public {
        FeeOnTransferToken fot = new FeeOnTransferToken();
        (FinancingPool p, uint256 fotAsset) = _poolOver(IERC20(address(fot)));
        fot.mint(alice, 1_000e6);
        vm.prank(alice);
        fot.approve(address(p), type(uint256).max);

        vm.expectRevert(abi.encodeWithSelector(FinancingPool.FeeOnTransferNotSupported.selector, 100e6, 99e6));
        vm.prank(alice);
        p.deposit(100e6, alice);
        assertEq(p.totalSupply(), 0);
        assertEq(p.idle(), 0);
        assertEq(fot.balanceOf(alice), 1_000e6);

        vm.expectRevert(abi.encodeWithSelector(FinancingPool.FeeOnTransferNotSupported.selector, 50e6, 49_500_000));
        vm.prank(alice);
        p.mint(50e18, alice);

        // Revenue pulled from the reporter is checked the same way.
        fot.mint(reporter, 100e6);
        vm.startPrank(reporter);
        fot.approve(address(p), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.FeeOnTransferNotSupported.selector, 100e6, 99e6));
        p.distributeRevenue(fotAsset, 100e6, uint64(block.timestamp - 1 days), uint64(block.timestamp));
        vm.stopPrank();
        assertEq(p.revenueHeld(), 0);
    }

    // ─── Pause ──────────────────────────────────────────────────────────────────────────────────────────

    /// Pause stops every movement of principal and shares and every manager and reporter action; what is owed
    /// stays collectable: revenue claims, claims of filled redemptions, and cancelling a pending request.
    function test_pause_stopsEverythingButClaimsAndCancel() public {
        _deposit(alice, 1_000e6);
        _deposit(bob, 1_000e6);
        _deploy(assetA, 1_500e6);
        _distribute(100e6);
        vm.warp(block.timestamp + 1 days);
        vm.prank(bob);
        uint256 bobRequest = pool.requestRedeem(600e18, bob, bob);
        _fill(); // 500 filled from idle, 100 pending
        (uint128 bobClaimableShares, uint128 bobClaimableAssets) = pool.claimableRedemption(bob);
        assertEq(bobClaimableAssets, 500e6);
        assertEq(pool.pendingRedeemRequest(bobRequest, bob), 100e18);
        _repay(assetA, 400e6); // idle for instant exits, once unpaused

        vm.expectEmit(false, false, false, true, address(pool));
        emit Pausable.Paused(guardian);
        vm.prank(guardian);
        pool.pause();
        assertTrue(pool.paused());
        assertEq(pool.maxDeposit(alice), 0);
        assertEq(pool.maxMint(alice), 0);
        assertEq(pool.maxWithdraw(alice), 0, "no instant exit while paused");
        assertEq(pool.maxRedeem(alice), 0);

        // Deposits.
        usdc.mint(carol, 1_000e6);
        vm.startPrank(carol);
        usdc.approve(address(pool), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxDeposit.selector, carol, 100e6, 0));
        pool.deposit(100e6, carol);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxMint.selector, carol, 100e18, 0));
        pool.mint(100e18, carol);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxDeposit.selector, carol, 100e6, 0));
        pool.depositWithPermit(100e6, carol, block.timestamp, 0, bytes32(0), bytes32(0));
        // Even a zero deposit is refused as over the limit (nothing may be deposited while paused).
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxDeposit.selector, carol, 0, 0));
        pool.deposit(0, carol);
        vm.stopPrank();

        // Instant exits, transfers, requests and fills.
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxRedeem.selector, alice, 100e18, 0));
        pool.redeem(100e18, alice, alice);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxWithdraw.selector, alice, 100e6, 0));
        pool.withdraw(100e6, alice, alice);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.transfer(carol, 1e18);
        pool.approve(carol, 1e18);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.requestRedeem(100e18, alice, alice);
        vm.stopPrank();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        vm.prank(carol);
        pool.transferFrom(alice, carol, 1e18);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.fillRedemptions(10);

        // Revenue.
        usdc.mint(reporter, 200e6);
        vm.startPrank(reporter);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.distributeRevenue(assetA, 100e6, uint64(block.timestamp - 1 days), uint64(block.timestamp));
        FinancingPool.Distribution[] memory ds = new FinancingPool.Distribution[](1);
        ds[0] = FinancingPool.Distribution(assetA, 100e6, uint64(block.timestamp - 1 days), uint64(block.timestamp));
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.distributeRevenueBatch(ds);
        vm.stopPrank();

        // Every manager action.
        usdc.mint(manager, 100e6);
        vm.startPrank(manager);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.deployCapital(assetA, 1e6);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.recordRepayment(assetA, 1e6);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.markImpairment(assetA, 1e6);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.recordWriteDown(assetA, 1e6);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.recordRecovery(assetA, 1e6);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.activate();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.close();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.setDepositLimits(CAP, MIN_DEPOSIT);
        vm.stopPrank();

        // Still open: revenue claims, claims of filled redemptions, cancellation.
        vm.prank(alice);
        uint256 revenue = pool.claim(alice);
        assertGt(revenue, 0);
        vm.prank(bob);
        assertEq(pool.redeem(bobClaimableShares, bob, bob), 500e6);
        vm.prank(bob);
        pool.cancelRedeemRequest(bobRequest, bob);
        assertEq(pool.lockedShares(bob), 0);
        assertEq(pool.pendingRedeemShares(), 0);
        assertEq(usdc.balanceOf(bob), 500e6);

        // Unpause restores everything.
        vm.prank(guardian);
        pool.unpause();
        assertFalse(pool.paused());
        assertEq(pool.maxDeposit(carol), CAP - pool.totalAssets());
        vm.prank(carol);
        assertEq(pool.deposit(100e6, carol), 100e18);
        _distribute(100e6);
        vm.prank(alice);
        pool.withdraw(100e6, alice, alice);
        assertEq(usdc.balanceOf(alice), revenue + 100e6);
        vm.prank(alice);
        pool.transfer(carol, 1e18);
        _assertBooks(pool);
    }

    function test_pause_invalidTransitionsRevert() public {
        vm.expectRevert(Pausable.ExpectedPause.selector);
        vm.prank(guardian);
        pool.unpause();
        vm.prank(guardian);
        pool.pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        vm.prank(guardian);
        pool.pause();
    }

    // ─── Roles ──────────────────────────────────────────────────────────────────────────────────────────

    function test_roles_everyPrivilegedFunctionRejectsOthers() public {
        FinancingPool.Distribution[] memory ds = new FinancingPool.Distribution[](0);
        address[3] memory outsiders = [stranger, operator, alice];
        for (uint256 i = 0; i < outsiders.length; i++) {
            address who = outsiders[i];
            vm.startPrank(who);
            vm.expectRevert(_unauthorized(who, managerRole));
            pool.activate();
            vm.expectRevert(_unauthorized(who, managerRole));
            pool.close();
            vm.expectRevert(_unauthorized(who, managerRole));
            pool.setDepositLimits(1, 0);
            vm.expectRevert(_unauthorized(who, adminRole));
            pool.setProtocolFee(who, 0);
            vm.expectRevert(_unauthorized(who, adminRole));
            pool.setAssetLimit(assetA, type(uint128).max);
            vm.expectRevert(_unauthorized(who, guardianRole));
            pool.pause();
            vm.expectRevert(_unauthorized(who, guardianRole));
            pool.unpause();
            vm.expectRevert(_unauthorized(who, complianceRole));
            pool.setAllowed(who, true);
            vm.expectRevert(_unauthorized(who, managerRole));
            pool.deployCapital(assetA, 1);
            vm.expectRevert(_unauthorized(who, managerRole));
            pool.recordRepayment(assetA, 1);
            vm.expectRevert(_unauthorized(who, managerRole));
            pool.markImpairment(assetA, 1);
            // Lowering a provision is the admin's.
            vm.expectRevert(_unauthorized(who, adminRole));
            pool.markImpairment(assetA, 0);
            vm.expectRevert(_unauthorized(who, managerRole));
            pool.recordWriteDown(assetA, 1);
            vm.expectRevert(_unauthorized(who, managerRole));
            pool.recordRecovery(assetA, 1);
            vm.expectRevert(_unauthorized(who, reporterRole));
            pool.distributeRevenue(assetA, 1, 0, 1);
            vm.expectRevert(_unauthorized(who, reporterRole));
            pool.distributeRevenueBatch(ds);
            vm.stopPrank();
        }
        assertEq(uint8(pool.status()), uint8(FinancingPool.Status.Raising));
        assertFalse(pool.paused());
        assertEq(pool.depositCap(), CAP);
        assertEq(pool.treasury(), treasury);
    }

    function test_roles_areSeparated() public {
        // The admin holds no operational role; each operational role holds only its own.
        vm.expectRevert(_unauthorized(admin, managerRole));
        vm.prank(admin);
        pool.activate();
        vm.expectRevert(_unauthorized(admin, guardianRole));
        vm.prank(admin);
        pool.pause();
        vm.expectRevert(_unauthorized(admin, reporterRole));
        vm.prank(admin);
        pool.distributeRevenue(assetA, 1, 0, 1);
        vm.expectRevert(_unauthorized(admin, complianceRole));
        vm.prank(admin);
        pool.setAllowed(alice, true);

        vm.expectRevert(_unauthorized(manager, adminRole));
        vm.prank(manager);
        pool.setProtocolFee(manager, 0);
        vm.expectRevert(_unauthorized(manager, adminRole));
        vm.prank(manager);
        pool.setAssetLimit(assetA, type(uint128).max);
        vm.expectRevert(_unauthorized(manager, guardianRole));
        vm.prank(manager);
        pool.pause();
        vm.expectRevert(_unauthorized(manager, reporterRole));
        vm.prank(manager);
        pool.distributeRevenue(assetA, 1, 0, 1);

        vm.expectRevert(_unauthorized(reporter, managerRole));
        vm.prank(reporter);
        pool.deployCapital(assetA, 1);
        vm.expectRevert(_unauthorized(guardian, managerRole));
        vm.prank(guardian);
        pool.close();
        vm.expectRevert(_unauthorized(guardian, adminRole));
        vm.prank(guardian);
        pool.setProtocolFee(guardian, 0);
        vm.expectRevert(_unauthorized(compliance, managerRole));
        vm.prank(compliance);
        pool.deployCapital(assetA, 1);
    }

    function test_roles_adminCanGrantAndRevoke() public {
        vm.prank(admin);
        pool.grantRole(managerRole, stranger);
        vm.prank(stranger);
        pool.activate();
        assertEq(uint8(pool.status()), uint8(FinancingPool.Status.Active));

        vm.prank(admin);
        pool.revokeRole(managerRole, stranger);
        vm.expectRevert(_unauthorized(stranger, managerRole));
        vm.prank(stranger);
        pool.close();

        vm.expectRevert(_unauthorized(manager, adminRole));
        vm.prank(manager);
        pool.grantRole(managerRole, stranger);
    }

    // ─── Lifecycle ──────────────────────────────────────────────────────────────────────────────────────

    function test_lifecycle_activateFromRaising() public {
        vm.expectEmit(false, false, false, true, address(pool));
        emit PoolStatusChanged(FinancingPool.Status.Raising, FinancingPool.Status.Active);
        vm.prank(manager);
        pool.activate();
        assertEq(uint8(pool.status()), uint8(FinancingPool.Status.Active));

        vm.expectRevert(
            abi.encodeWithSelector(
                FinancingPool.InvalidStatusChange.selector, FinancingPool.Status.Active, FinancingPool.Status.Active
            )
        );
        vm.prank(manager);
        pool.activate();
        // Deposits still open while Active.
        _deposit(alice, 100e6);
        assertEq(pool.totalAssets(), 100e6);
    }

    function test_lifecycle_firstDeployCapitalActivates() public {
        _deposit(alice, 1_000e6);
        vm.expectEmit(false, false, false, true, address(pool));
        emit PoolStatusChanged(FinancingPool.Status.Raising, FinancingPool.Status.Active);
        _deploy(assetA, 100e6);
        assertEq(uint8(pool.status()), uint8(FinancingPool.Status.Active));

        // A second deployment does not emit another status change.
        vm.recordLogs();
        _deploy(assetA, 100e6);
        assertEq(vm.getRecordedLogs().length, 2, "Transfer + CapitalDeployed only");
        assertEq(uint8(pool.status()), uint8(FinancingPool.Status.Active));
    }

    function test_lifecycle_closeFromRaisingOrActive() public {
        vm.expectEmit(false, false, false, true, address(pool));
        emit PoolStatusChanged(FinancingPool.Status.Raising, FinancingPool.Status.Closed);
        vm.prank(manager);
        pool.close();
        assertEq(uint8(pool.status()), uint8(FinancingPool.Status.Closed));

        FinancingPool other = _secondPool();
        vm.startPrank(manager);
        other.activate();
        vm.expectEmit(false, false, false, true, address(other));
        emit PoolStatusChanged(FinancingPool.Status.Active, FinancingPool.Status.Closed);
        other.close();
        vm.stopPrank();
        assertEq(uint8(other.status()), uint8(FinancingPool.Status.Closed));
    }

    function test_lifecycle_invalidTransitionsRevert() public {
        vm.prank(manager);
        pool.close();
        vm.expectRevert(
            abi.encodeWithSelector(
                FinancingPool.InvalidStatusChange.selector, FinancingPool.Status.Closed, FinancingPool.Status.Closed
            )
        );
        vm.prank(manager);
        pool.close();
        vm.expectRevert(
            abi.encodeWithSelector(
                FinancingPool.InvalidStatusChange.selector, FinancingPool.Status.Closed, FinancingPool.Status.Active
            )
        );
        vm.prank(manager);
        pool.activate();
        assertEq(uint8(pool.status()), uint8(FinancingPool.Status.Closed));
    }

    function test_lifecycle_closedBlocksDepositsAndDeployment_allowsRepaymentRevenueAndExits() public {
        _deposit(alice, 1_000e6);
        _deposit(bob, 1_000e6);
        _deploy(assetA, 1_800e6);
        vm.prank(manager);
        pool.close();

        assertEq(pool.maxDeposit(carol), 0);
        assertEq(pool.maxMint(carol), 0);
        usdc.mint(carol, 100e6);
        vm.startPrank(carol);
        usdc.approve(address(pool), 100e6);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxDeposit.selector, carol, 100e6, 0));
        pool.deposit(100e6, carol);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxMint.selector, carol, 1e18, 0));
        pool.mint(1e18, carol);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxDeposit.selector, carol, 0, 0));
        pool.deposit(0, carol);
        vm.stopPrank();

        vm.expectRevert(FinancingPool.DepositsClosed.selector);
        vm.prank(manager);
        pool.deployCapital(assetA, 100e6);

        // Exits: instant up to idle, then queued.
        vm.prank(alice);
        assertEq(pool.redeem(200e18, alice, alice), 200e6);
        vm.prank(bob);
        uint256 id = pool.requestRedeem(500e18, bob, bob);
        assertEq(pool.pendingRedeemRequest(id, bob), 500e18);

        // Repayments come in and fill the queue; revenue is distributed and claimed.
        _repay(assetA, 700e6);
        _fill();
        assertEq(pool.claimableRedeemRequest(id, bob), 500e18);
        assertEq(pool.idle(), 200e6);
        _distribute(1_000e6);
        vm.warp(block.timestamp + STREAM);
        vm.prank(alice);
        assertGt(pool.claim(alice), 0);
        vm.prank(bob);
        assertEq(pool.redeem(500e18, bob, bob), 500e6);
        _impair(assetA, 100e6);
        vm.prank(manager);
        pool.recordWriteDown(assetA, 100e6);
        assertEq(pool.outstandingPrincipal(), 1_000e6);
        _assertBooks(pool);
    }

    function _secondPool() internal returns (FinancingPool p) {
        vm.prank(admin);
        p = _createPool("Round 2", "myASH2");
    }

    // ─── Deposit limits ─────────────────────────────────────────────────────────────────────────────────

    function test_minDeposit_enforced() public {
        usdc.mint(alice, 100e6);
        vm.startPrank(alice);
        usdc.approve(address(pool), type(uint256).max);
        vm.expectRevert(
            abi.encodeWithSelector(FinancingPool.BelowMinimumDeposit.selector, MIN_DEPOSIT - 1, MIN_DEPOSIT)
        );
        pool.deposit(MIN_DEPOSIT - 1, alice);
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.BelowMinimumDeposit.selector, 5e6, MIN_DEPOSIT));
        pool.mint(5e18, alice);
        vm.expectRevert(FinancingPool.ZeroAmount.selector);
        pool.deposit(0, alice);
        assertEq(pool.deposit(MIN_DEPOSIT, alice), 10e18);
        assertEq(pool.mint(10e18, alice), MIN_DEPOSIT);
        vm.stopPrank();
        assertEq(pool.totalAssets(), 2 * MIN_DEPOSIT);
    }

    function test_depositCap_maxDepositIsTruthful() public {
        _deposit(alice, 4_000_000e6);
        assertEq(pool.maxDeposit(bob), CAP - 4_000_000e6);
        uint256 room = pool.maxDeposit(bob);
        usdc.mint(bob, room + 1);
        vm.startPrank(bob);
        usdc.approve(address(pool), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxDeposit.selector, bob, room + 1, room));
        pool.deposit(room + 1, bob);
        pool.deposit(room, bob);
        vm.stopPrank();
        assertEq(pool.totalAssets(), CAP);
        assertEq(pool.maxDeposit(bob), 0);
        assertEq(pool.maxMint(bob), 0);

        // Deployment does not change totalAssets; an impairment reopens room (the write-down that follows is
        // price-neutral and does not).
        _deploy(assetA, 1_000_000e6);
        assertEq(pool.maxDeposit(bob), 0);
        _impair(assetA, 250_000e6);
        assertEq(pool.maxDeposit(bob), 250_000e6);
        vm.prank(manager);
        pool.recordWriteDown(assetA, 250_000e6);
        assertEq(pool.maxDeposit(bob), 250_000e6);
        // Withdrawals reopen room too.
        vm.prank(alice);
        pool.withdraw(100e6, alice, alice);
        assertEq(pool.maxDeposit(bob), 250_100e6);
    }

    function test_depositCap_maxMintIsTruthful() public {
        _deposit(alice, 6_000_000e6);
        _deploy(assetA, 1_000_000e6);
        _impair(assetA, 123_456_789); // awkward price
        uint256 maxShares = pool.maxMint(bob);
        usdc.mint(bob, pool.previewMint(maxShares + 1));
        vm.startPrank(bob);
        usdc.approve(address(pool), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxMint.selector, bob, maxShares + 1, maxShares));
        pool.mint(maxShares + 1, bob);
        uint256 assets = pool.mint(maxShares, bob);
        vm.stopPrank();
        assertLe(pool.totalAssets(), CAP);
        assertEq(pool.balanceOf(bob), maxShares);
        assertGt(assets, 0);
    }

    /// Regression: room under the cap below the minimum deposit is not offered by maxDeposit (ERC-4626: maxDeposit
    /// never exceeds what deposit accepts).
    function test_maxDeposit_isZeroWhenRoomIsBelowMinDeposit() public {
        _deposit(alice, CAP - 5e6);
        uint256 room = pool.maxDeposit(bob);
        if (room > 0) {
            usdc.mint(bob, room);
            vm.startPrank(bob);
            usdc.approve(address(pool), room);
            pool.deposit(room, bob); // reverts BelowMinimumDeposit(5e6, 10e6) today
            vm.stopPrank();
        }
        assertEq(pool.maxDeposit(bob), 0);
        assertEq(pool.maxMint(bob), 0);
    }

    function test_setDepositLimits_updatesAndValidates() public {
        vm.expectEmit(false, false, false, true, address(pool));
        emit DepositLimitsUpdated(500e6, 50e6);
        vm.prank(manager);
        pool.setDepositLimits(500e6, 50e6);
        assertEq(pool.depositCap(), 500e6);
        assertEq(pool.minDeposit(), 50e6);
        assertEq(pool.maxDeposit(alice), 500e6);

        vm.expectRevert(FinancingPool.InvalidParameter.selector);
        vm.prank(manager);
        pool.setDepositLimits(100e6, 100e6 + 1);

        _deposit(alice, 400e6);
        // A cap below totalAssets closes deposits without touching existing holders.
        vm.prank(manager);
        pool.setDepositLimits(300e6, 0);
        assertEq(pool.maxDeposit(bob), 0);
        assertEq(pool.balanceOf(alice), 400e18);
        assertEq(pool.maxWithdraw(alice), 400e6);
    }

    // ─── depositWithPermit ──────────────────────────────────────────────────────────────────────────────

    function test_depositWithPermit_realSignature() public {
        (address signer, uint256 pk) = makeAddrAndKey("permitSigner");
        usdc.mint(signer, 1_000e6);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(pk, address(pool), 300e6, deadline);
        assertEq(usdc.allowance(signer, address(pool)), 0);

        vm.prank(signer);
        uint256 shares = pool.depositWithPermit(300e6, bob, deadline, v, r, s);
        assertEq(shares, 300e18);
        assertEq(pool.balanceOf(bob), 300e18, "shares go to the receiver");
        assertEq(usdc.balanceOf(signer), 700e6, "assets come from the signer");
        assertEq(usdc.nonces(signer), 1, "permit was consumed");
        assertEq(usdc.allowance(signer, address(pool)), 0);
        assertEq(pool.idle(), 300e6);
    }

    function test_depositWithPermit_worksWhenPermitWasFrontRun() public {
        (address signer, uint256 pk) = makeAddrAndKey("permitSigner");
        usdc.mint(signer, 1_000e6);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(pk, address(pool), 300e6, deadline);

        // Someone submits the permit first.
        vm.prank(stranger);
        usdc.permit(signer, address(pool), 300e6, deadline, v, r, s);
        assertEq(usdc.allowance(signer, address(pool)), 300e6);

        vm.prank(signer);
        uint256 shares = pool.depositWithPermit(300e6, signer, deadline, v, r, s);
        assertEq(shares, 300e18);
        assertEq(usdc.balanceOf(signer), 700e6);
        assertEq(usdc.allowance(signer, address(pool)), 0);
    }

    function test_depositWithPermit_badSignatureWithoutAllowanceReverts() public {
        (address signer, uint256 pk) = makeAddrAndKey("permitSigner");
        usdc.mint(signer, 1_000e6);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(pk, address(pool), 100e6, deadline);
        // Signed for 100, used for 300: the permit fails and there is no allowance.
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(pool), 0, 300e6)
        );
        vm.prank(signer);
        pool.depositWithPermit(300e6, signer, deadline, v, r, s);

        // Expired deadline: same.
        vm.warp(deadline + 1);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(pool), 0, 100e6)
        );
        vm.prank(signer);
        pool.depositWithPermit(100e6, signer, deadline, v, r, s);
        assertEq(usdc.balanceOf(signer), 1_000e6);
    }

    function test_depositWithPermit_someoneElsesSignatureCannotPullTheirFunds() public {
        (address signer, uint256 pk) = makeAddrAndKey("permitSigner");
        usdc.mint(signer, 1_000e6);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(pk, address(pool), 300e6, deadline);
        usdc.mint(stranger, 1_000e6);
        // The permit is checked against msg.sender: the stranger's call neither spends the signer's
        // permit nor the signer's USDC.
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(pool), 0, 300e6)
        );
        vm.prank(stranger);
        pool.depositWithPermit(300e6, stranger, deadline, v, r, s);
        assertEq(usdc.balanceOf(signer), 1_000e6);
        assertEq(usdc.nonces(signer), 0);
    }

    // ─── Capital flows ──────────────────────────────────────────────────────────────────────────────────

    function test_deployCapital_sendsUsdcToTheProjectOperator() public {
        _deposit(alice, 1_000e6);

        vm.expectEmit(true, true, false, true, address(pool));
        emit CapitalDeployed(assetA, operator, 300e6);
        _deploy(assetA, 300e6);
        _deploy(assetB, 200e6);

        assertEq(usdc.balanceOf(operator), 500e6);
        assertEq(pool.idle(), 500e6);
        assertEq(pool.outstandingPrincipal(), 500e6);
        assertEq(pool.outstandingOf(assetA), 300e6);
        assertEq(pool.outstandingOf(assetB), 200e6);
        assertEq(pool.totalAssets(), 1_000e6);
        (uint256 deployed, uint256 repaid, uint256 writtenDown, uint256 recovered, uint256 provision, uint256 limit) =
            pool.assetCapital(assetA);
        assertEq(deployed, 300e6);
        assertEq(repaid, 0);
        assertEq(writtenDown, 0);
        assertEq(recovered, 0);
        assertEq(provision, 0);
        assertEq(limit, ASSET_LIMIT);
        _assertBooks(pool);
    }

    /// The manager cannot send capital to an asset registered to this pool under any other operator than the
    /// project's: the registrar and the manager together cannot route principal to an address of their choice.
    function test_deployCapital_refusesAssetOfAnotherOperator() public {
        address otherOperator = makeAddr("otherOperator");
        vm.prank(manager);
        uint256 assetC = registry.registerAsset(
            address(pool), otherOperator, HardwareAssetRegistry.Kind.RobotFleet, "AMR", 10, "", ""
        );
        vm.prank(admin);
        pool.setAssetLimit(assetC, ASSET_LIMIT);
        _deposit(alice, 1_000e6);

        vm.expectRevert(abi.encodeWithSelector(FinancingPool.AssetOperatorNotProject.selector, assetC, otherOperator));
        vm.prank(manager);
        pool.deployCapital(assetC, 200e6);
        assertEq(usdc.balanceOf(otherOperator), 0);
        assertEq(pool.idle(), 1_000e6);
        assertEq(pool.projectOperator(), operator);
    }

    /// Each asset is financed only up to the limit the admin set; an asset without a limit gets nothing.
    function test_deployCapital_boundedByAssetLimit() public {
        _deposit(alice, 1_000e6);
        vm.expectEmit(true, false, false, true, address(pool));
        emit AssetLimitUpdated(assetA, 500e6);
        vm.prank(admin);
        pool.setAssetLimit(assetA, 500e6);
        _deploy(assetA, 300e6);
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.ExceedsAssetLimit.selector, assetA, 500e6 + 1, 500e6));
        vm.prank(manager);
        pool.deployCapital(assetA, 200e6 + 1);
        _deploy(assetA, 200e6);
        // A repayment makes room again.
        _repay(assetA, 100e6);
        _deploy(assetA, 100e6);
        assertEq(pool.outstandingOf(assetA), 500e6);

        vm.prank(manager);
        uint256 assetC = registry.registerAsset(
            address(pool), operator, HardwareAssetRegistry.Kind.GpuCluster, "B200", 8, "Ashburn, VA", ""
        );
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.ExceedsAssetLimit.selector, assetC, 1e6, 0));
        vm.prank(manager);
        pool.deployCapital(assetC, 1e6);
    }

    function test_deployCapital_reverts() public {
        _deposit(alice, 1_000e6);
        // An asset financed by another pool.
        FinancingPool other = _secondPool();
        vm.prank(manager);
        uint256 foreign =
            registry.registerAsset(address(other), operator, HardwareAssetRegistry.Kind.GpuCluster, "H100", 8, "", "");
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.AssetNotInPool.selector, foreign));
        vm.prank(manager);
        pool.deployCapital(foreign, 100e6);
        // An unknown asset.
        vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.UnknownAsset.selector, 99));
        vm.prank(manager);
        pool.deployCapital(99, 100e6);
        // Beyond idle.
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.ExceedsDeployable.selector, 1_000e6 + 1, 1_000e6));
        vm.prank(manager);
        pool.deployCapital(assetA, 1_000e6 + 1);
        // Zero.
        vm.expectRevert(FinancingPool.ZeroAmount.selector);
        vm.prank(manager);
        pool.deployCapital(assetA, 0);
        assertEq(pool.idle(), 1_000e6);
        assertEq(uint8(pool.status()), uint8(FinancingPool.Status.Raising));
    }

    function test_deployCapital_cannotSpendRevenueOrWhatExitsAreOwed() public {
        _deposit(alice, 1_000e6);
        _distribute(500e6); // USDC held for shareholders, not principal
        vm.prank(alice);
        pool.requestRedeem(400e18, alice, alice);
        // Pending: the 400 it is owed stays in the pool although it is still idle.
        assertEq(pool.idle(), 1_000e6);
        assertEq(pool.deployableCapital(), 600e6);
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.ExceedsDeployable.selector, 600e6 + 1, 600e6));
        vm.prank(manager);
        pool.deployCapital(assetA, 600e6 + 1);
        // Filled: reserved for the claim, no longer idle.
        _fill();
        assertEq(pool.idle(), 600e6);
        assertEq(pool.deployableCapital(), 600e6);
        assertGt(usdc.balanceOf(address(pool)), 1_000e6);
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.ExceedsDeployable.selector, 600e6 + 1, 600e6));
        vm.prank(manager);
        pool.deployCapital(assetA, 600e6 + 1);
        _deploy(assetA, 600e6);
        _assertBooks(pool);
    }

    function test_recordRepayment_pullsFromManager() public {
        _deposit(alice, 1_000e6);
        _deploy(assetA, 800e6);
        usdc.mint(manager, 300e6);

        vm.expectEmit(true, true, false, true, address(pool));
        emit PrincipalRepaid(assetA, manager, 300e6);
        vm.prank(manager);
        pool.recordRepayment(assetA, 300e6);

        assertEq(usdc.balanceOf(manager), 0);
        assertEq(pool.idle(), 500e6);
        assertEq(pool.outstandingPrincipal(), 500e6);
        assertEq(pool.outstandingOf(assetA), 500e6);
        assertEq(pool.totalAssets(), 1_000e6);
        (, uint128 repaid,,,,) = pool.assetCapital(assetA);
        assertEq(repaid, 300e6);
        _assertBooks(pool);
    }

    function test_recordRepayment_reverts() public {
        _deposit(alice, 1_000e6);
        _deploy(assetA, 800e6);
        usdc.mint(manager, 2_000e6);
        vm.startPrank(manager);
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.ExceedsOutstanding.selector, assetA, 800e6 + 1, 800e6));
        pool.recordRepayment(assetA, 800e6 + 1);
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.ExceedsOutstanding.selector, assetB, 1, 0));
        pool.recordRepayment(assetB, 1);
        vm.expectRevert(FinancingPool.ZeroAmount.selector);
        pool.recordRepayment(assetA, 0);
        vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.UnknownAsset.selector, 77));
        pool.recordRepayment(77, 1);
        // Without an allowance the pull fails.
        usdc.approve(address(pool), 0);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(pool), 0, 100e6)
        );
        pool.recordRepayment(assetA, 100e6);
        vm.stopPrank();
        assertEq(pool.outstandingOf(assetA), 800e6);
        assertEq(usdc.balanceOf(manager), 2_000e6);
    }

    /// The loss hits the share price when it is provisioned (markImpairment), not when it is written off.
    function test_markImpairment_lowersSharePrice_writeDownIsPriceNeutral() public {
        _deposit(alice, 1_000e6);
        _deploy(assetA, 800e6);
        uint256 priceBefore = pool.previewRedeem(1e18);
        assertEq(priceBefore, 1e6);

        vm.startPrank(manager);
        registry.setStatus(assetA, HardwareAssetRegistry.Status.Impaired);
        vm.expectEmit(true, false, false, true, address(pool));
        emit ProvisionUpdated(assetA, 0, 500e6);
        pool.markImpairment(assetA, 500e6);
        vm.stopPrank();

        assertEq(pool.totalAssets(), 500e6);
        assertEq(pool.totalProvisions(), 500e6);
        assertEq(pool.outstandingPrincipal(), 800e6);
        assertEq(pool.previewRedeem(1e18), 500_000, "share price halves");

        vm.expectEmit(true, false, false, true, address(pool));
        emit ProvisionUpdated(assetA, 500e6, 0);
        vm.expectEmit(true, false, false, true, address(pool));
        emit PrincipalWrittenDown(assetA, 500e6);
        vm.prank(manager);
        pool.recordWriteDown(assetA, 500e6);

        assertEq(pool.totalAssets(), 500e6);
        assertEq(pool.totalProvisions(), 0);
        assertEq(pool.outstandingPrincipal(), 300e6);
        assertEq(pool.outstandingOf(assetA), 300e6);
        assertEq(pool.idle(), 200e6);
        assertEq(pool.previewRedeem(1e18), 500_000, "the write-off itself does not move the price");
        (,, uint128 writtenDown,, uint128 provision,) = pool.assetCapital(assetA);
        assertEq(writtenDown, 500e6);
        assertEq(provision, 0);
        // No USDC moves.
        assertEq(usdc.balanceOf(address(pool)), 200e6);
        assertEq(usdc.balanceOf(operator), 800e6);

        vm.expectRevert(FinancingPool.ZeroAmount.selector);
        vm.prank(manager);
        pool.recordWriteDown(assetA, 0);

        // Repayment after a write-down is capped by what remains outstanding.
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.ExceedsOutstanding.selector, assetA, 300e6 + 1, 300e6));
        vm.prank(manager);
        pool.recordRepayment(assetA, 300e6 + 1);
        _assertBooks(pool);
    }

    /// The manager writes off only what was provisioned first; anything more is the admin's (the timelock).
    function test_recordWriteDown_managerOnlyWithinProvision() public {
        _deposit(alice, 1_000e6);
        _deploy(assetA, 800e6);
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.ExceedsProvision.selector, assetA, 500e6, 0));
        vm.prank(manager);
        pool.recordWriteDown(assetA, 500e6);

        _impair(assetA, 200e6);
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.ExceedsProvision.selector, assetA, 200e6 + 1, 200e6));
        vm.prank(manager);
        pool.recordWriteDown(assetA, 200e6 + 1);
        vm.prank(manager);
        pool.recordWriteDown(assetA, 150e6);
        assertEq(pool.totalProvisions(), 50e6);
        assertEq(pool.totalAssets(), 800e6);

        // The admin may write off beyond the provision (the price falls by the excess), up to outstanding.
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.ExceedsOutstanding.selector, assetA, 650e6 + 1, 650e6));
        vm.prank(admin);
        pool.recordWriteDown(assetA, 650e6 + 1);
        vm.prank(admin);
        pool.recordWriteDown(assetA, 250e6);
        assertEq(pool.totalProvisions(), 0, "the provision is used first");
        assertEq(pool.totalAssets(), 600e6);
        assertEq(pool.outstandingOf(assetA), 400e6);
        _assertBooks(pool);
    }

    function test_markImpairment_rules() public {
        _deposit(alice, 1_000e6);
        _deploy(assetA, 800e6);
        // Only for an asset the registry marks impaired.
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.AssetNotImpaired.selector, assetA));
        vm.prank(manager);
        pool.markImpairment(assetA, 100e6);

        vm.prank(manager);
        registry.setStatus(assetA, HardwareAssetRegistry.Status.Impaired);
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.ExceedsOutstanding.selector, assetA, 800e6 + 1, 800e6));
        vm.prank(manager);
        pool.markImpairment(assetA, 800e6 + 1);
        vm.prank(manager);
        pool.markImpairment(assetA, 300e6);

        // The manager cannot lower it (that would raise the price at will); the admin can.
        vm.expectRevert(_unauthorized(manager, adminRole));
        vm.prank(manager);
        pool.markImpairment(assetA, 100e6);
        vm.expectEmit(true, false, false, true, address(pool));
        emit ProvisionUpdated(assetA, 300e6, 100e6);
        vm.prank(admin);
        pool.markImpairment(assetA, 100e6);
        assertEq(pool.totalAssets(), 900e6);

        // A repayment caps the provision at what is still outstanding.
        vm.prank(admin);
        pool.markImpairment(assetA, 0);
        vm.prank(manager);
        pool.markImpairment(assetA, 700e6);
        usdc.mint(manager, 300e6);
        vm.expectEmit(true, false, false, true, address(pool));
        emit ProvisionUpdated(assetA, 700e6, 500e6);
        vm.prank(manager);
        pool.recordRepayment(assetA, 300e6);
        (,,,, uint128 provision,) = pool.assetCapital(assetA);
        assertEq(provision, 500e6);
        assertEq(pool.totalProvisions(), 500e6);
        _assertBooks(pool);
    }

    /// Money recovered on written-off principal comes back as principal: no protocol fee, price rises.
    function test_recordRecovery_returnsPrincipal() public {
        _deposit(alice, 1_000e6);
        _deploy(assetA, 800e6);
        _impair(assetA, 400e6);
        vm.prank(manager);
        pool.recordWriteDown(assetA, 400e6);
        assertEq(pool.totalAssets(), 600e6);

        usdc.mint(manager, 500e6);
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.ExceedsWrittenDown.selector, assetA, 400e6 + 1, 400e6));
        vm.prank(manager);
        pool.recordRecovery(assetA, 400e6 + 1);
        vm.expectRevert(FinancingPool.ZeroAmount.selector);
        vm.prank(manager);
        pool.recordRecovery(assetA, 0);

        vm.expectEmit(true, true, false, true, address(pool));
        emit PrincipalRecovered(assetA, manager, 250e6);
        vm.prank(manager);
        pool.recordRecovery(assetA, 250e6);
        assertEq(pool.idle(), 450e6);
        assertEq(pool.totalAssets(), 850e6);
        assertEq(usdc.balanceOf(treasury), 0, "no fee on principal");
        (,,, uint128 recovered,,) = pool.assetCapital(assetA);
        assertEq(recovered, 250e6);
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.ExceedsWrittenDown.selector, assetA, 150e6 + 1, 150e6));
        vm.prank(manager);
        pool.recordRecovery(assetA, 150e6 + 1);
        _assertBooks(pool);
    }

    function test_recordWriteDown_revertsForAssetOfAnotherPool() public {
        FinancingPool other = _secondPool();
        vm.prank(manager);
        uint256 foreign =
            registry.registerAsset(address(other), operator, HardwareAssetRegistry.Kind.GpuCluster, "H100", 8, "", "");
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.AssetNotInPool.selector, foreign));
        vm.prank(manager);
        pool.recordWriteDown(foreign, 1);
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.AssetNotInPool.selector, foreign));
        vm.prank(manager);
        pool.recordRepayment(foreign, 1);
    }

    function testFuzz_totalAssetsIsIdlePlusOutstandingMinusProvisions(
        uint256 dep,
        uint256 d,
        uint256 p,
        uint256 w,
        uint256 r
    ) public {
        dep = bound(dep, MIN_DEPOSIT, CAP);
        _deposit(alice, dep);
        _assertBooks(pool);
        d = bound(d, 1, dep);
        _deploy(assetA, d);
        _assertBooks(pool);
        assertEq(pool.totalAssets(), dep);
        p = bound(p, 0, d);
        if (p > 0) _impair(assetA, p);
        _assertBooks(pool);
        assertEq(pool.totalAssets(), dep - p);
        w = bound(w, 0, p);
        if (w > 0) {
            vm.prank(manager);
            pool.recordWriteDown(assetA, w);
        }
        _assertBooks(pool);
        assertEq(pool.totalAssets(), dep - p, "a write-down within the provision is price-neutral");
        r = bound(r, 0, d - w);
        if (r > 0) _repay(assetA, r);
        _assertBooks(pool);
        // The provision never exceeds what is still outstanding.
        uint256 provision = p - w < d - w - r ? p - w : d - w - r;
        assertEq(pool.totalProvisions(), provision);
        assertEq(pool.totalAssets(), dep - w - provision);
        assertEq(pool.outstandingOf(assetA), d - w - r);
        assertEq(pool.idle(), dep - d + r);
    }

    // ─── Protocol fee ───────────────────────────────────────────────────────────────────────────────────

    function test_setProtocolFee_capAndValidation() public {
        address newTreasury = makeAddr("newTreasury");
        vm.expectRevert(FinancingPool.InvalidParameter.selector);
        vm.prank(admin);
        pool.setProtocolFee(newTreasury, 2_001);
        vm.expectRevert(FinancingPool.InvalidParameter.selector);
        vm.prank(admin);
        pool.setProtocolFee(address(0), 100);

        vm.expectEmit(false, false, false, true, address(pool));
        emit ProtocolFeeUpdated(newTreasury, 2_000);
        vm.prank(admin);
        pool.setProtocolFee(newTreasury, 2_000);
        assertEq(pool.treasury(), newTreasury);
        assertEq(pool.protocolFeeBps(), 2_000);

        // The new fee and treasury apply to the next distribution.
        _deposit(alice, 100e6);
        _distribute(1_000e6);
        assertEq(usdc.balanceOf(newTreasury), 200e6);
        assertEq(usdc.balanceOf(treasury), 0);
        assertEq(pool.revenueHeld(), 800e6);

        vm.prank(admin);
        pool.setProtocolFee(newTreasury, 0);
        _distribute(1_000e6);
        assertEq(usdc.balanceOf(newTreasury), 200e6);
        assertEq(pool.revenueHeld(), 1_800e6);
    }

    function testFuzz_setProtocolFee_bounds(uint16 fee) public {
        if (fee > 2_000) vm.expectRevert(FinancingPool.InvalidParameter.selector);
        vm.prank(admin);
        pool.setProtocolFee(treasury, fee);
        assertEq(pool.protocolFeeBps(), fee > 2_000 ? FEE_BPS : fee);
    }

    // ─── Donations ──────────────────────────────────────────────────────────────────────────────────────

    function test_donation_doesNotChangeTotalAssets() public {
        _deposit(alice, 1_000e6);
        _deploy(assetA, 400e6);
        uint256 ta = pool.totalAssets();
        uint256 price = pool.previewRedeem(1e18);
        uint256 maxW = pool.maxWithdraw(alice);

        usdc.mint(stranger, 5_000e6);
        vm.prank(stranger);
        usdc.transfer(address(pool), 5_000e6);

        assertEq(pool.totalAssets(), ta);
        assertEq(pool.idle(), 600e6);
        assertEq(pool.previewRedeem(1e18), price);
        assertEq(pool.maxWithdraw(alice), maxW);
        assertEq(pool.maxDeposit(bob), CAP - ta);
        assertEq(pool.claimableRevenue(alice), 0, "a donation is not revenue either");
        assertEq(usdc.balanceOf(address(pool)), 600e6 + 5_000e6);
        // The manager cannot deploy the donation either.
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.ExceedsDeployable.selector, 601e6, 600e6));
        vm.prank(manager);
        pool.deployCapital(assetA, 601e6);
    }
}
